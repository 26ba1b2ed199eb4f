package io.serverprofiles.autoconfigure.accesslog;

import io.serverprofiles.autoconfigure.support.ServerContainer;

class TomcatAccessLogServerTests extends AccessLogServerTests {

	@Override
	protected ServerContainer container() {
		return ServerContainer.TOMCAT;
	}

}
