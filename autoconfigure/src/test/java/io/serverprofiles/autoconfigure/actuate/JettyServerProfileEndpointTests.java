package io.serverprofiles.autoconfigure.actuate;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyServerProfileEndpointTests extends ServerProfileEndpointTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
