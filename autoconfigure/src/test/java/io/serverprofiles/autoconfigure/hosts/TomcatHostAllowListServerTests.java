package io.serverprofiles.autoconfigure.hosts;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatHostAllowListServerTests extends HostAllowListServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
