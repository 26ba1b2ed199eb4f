package io.serverprofiles.autoconfigure.prod;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyProdServerTests extends ProdServerTests {

	@Override
	ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
