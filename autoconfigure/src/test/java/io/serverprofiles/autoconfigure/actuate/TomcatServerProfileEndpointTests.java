package io.serverprofiles.autoconfigure.actuate;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatServerProfileEndpointTests extends ServerProfileEndpointTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
