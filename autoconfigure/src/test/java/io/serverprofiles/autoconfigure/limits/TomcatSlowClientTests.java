package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatSlowClientTests extends SlowClientTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
