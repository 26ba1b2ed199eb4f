package io.serverprofiles.autoconfigure.proxy;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyForwardedHeadersServerTests extends ForwardedHeadersServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
