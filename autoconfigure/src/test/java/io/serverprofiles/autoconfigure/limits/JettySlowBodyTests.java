package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettySlowBodyTests extends SlowBodyTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
