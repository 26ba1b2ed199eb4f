package io.serverprofiles.autoconfigure.hosts;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatDevHostCheckServerTests extends DevHostCheckServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
