package io.serverprofiles.autoconfigure.headers;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatSecurityHeadersServerTests extends SecurityHeadersServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
