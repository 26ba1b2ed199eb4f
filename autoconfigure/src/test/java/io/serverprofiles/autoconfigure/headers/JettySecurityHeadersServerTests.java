package io.serverprofiles.autoconfigure.headers;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettySecurityHeadersServerTests extends SecurityHeadersServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
