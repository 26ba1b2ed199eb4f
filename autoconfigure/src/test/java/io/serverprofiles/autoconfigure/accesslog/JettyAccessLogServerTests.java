package io.serverprofiles.autoconfigure.accesslog;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyAccessLogServerTests extends AccessLogServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
