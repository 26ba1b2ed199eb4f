package io.serverprofiles.autoconfigure.hosts;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class JettyHostAllowListServerTests extends HostAllowListServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.JETTY;
	}

}
