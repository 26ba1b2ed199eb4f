package io.serverprofiles.autoconfigure.dev;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatDevServerTests extends DevServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
