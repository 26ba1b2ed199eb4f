package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettySlowClientTests extends SlowClientTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
