package io.serverprofiles.autoconfigure.prod;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatProdServerTests extends ProdServerTests {

	@Override
	ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
