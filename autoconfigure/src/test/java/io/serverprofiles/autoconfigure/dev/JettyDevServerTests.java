package io.serverprofiles.autoconfigure.dev;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyDevServerTests extends DevServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
