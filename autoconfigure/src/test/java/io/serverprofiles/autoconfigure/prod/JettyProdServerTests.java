package io.serverprofiles.autoconfigure.prod;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyProdServerTests extends ProdServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
