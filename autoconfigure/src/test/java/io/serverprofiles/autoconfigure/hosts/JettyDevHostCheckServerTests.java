package io.serverprofiles.autoconfigure.hosts;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyDevHostCheckServerTests extends DevHostCheckServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
