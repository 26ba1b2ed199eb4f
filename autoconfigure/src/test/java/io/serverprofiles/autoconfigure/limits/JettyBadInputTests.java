package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyBadInputTests extends BadInputTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
