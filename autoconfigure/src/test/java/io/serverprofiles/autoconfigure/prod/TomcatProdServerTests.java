package io.serverprofiles.autoconfigure.prod;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatProdServerTests extends ProdServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
