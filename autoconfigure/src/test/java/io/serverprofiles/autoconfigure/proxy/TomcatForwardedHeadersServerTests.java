package io.serverprofiles.autoconfigure.proxy;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatForwardedHeadersServerTests extends ForwardedHeadersServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
