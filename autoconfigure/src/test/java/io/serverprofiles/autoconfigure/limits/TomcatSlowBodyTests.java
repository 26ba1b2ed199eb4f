package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatSlowBodyTests extends SlowBodyTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
