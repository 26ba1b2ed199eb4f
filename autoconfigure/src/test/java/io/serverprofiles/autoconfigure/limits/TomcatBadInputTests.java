package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatBadInputTests extends BadInputTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
