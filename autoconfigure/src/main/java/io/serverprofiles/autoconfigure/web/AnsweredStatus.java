package io.serverprofiles.autoconfigure.web;

import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The status a request was answered with, where the container would log another. Tomcat
 * sets 500 on any asynchronous request whose connection failed, also when the client left
 * in the middle of its body and was answered 400 for it: a 5xx that is the client's doing
 * would set off error-rate alerts. The access log reads it from here.
 */
public final class AnsweredStatus {

	/**
	 * Request attribute holding the status.
	 */
	public static final String ATTRIBUTE = AnsweredStatus.class.getName();

	private AnsweredStatus() {
	}

	/**
	 * Record the status the request was answered with.
	 * @param request the request
	 * @param status its status
	 */
	public static void record(ServletRequest request, int status) {
		request.setAttribute(ATTRIBUTE, status);
	}

	/**
	 * The status to log for a request.
	 * @param attribute the request's {@link #ATTRIBUTE}
	 * @param containerStatus the status the container reports
	 * @return the recorded status, or the container's when none was recorded
	 */
	public static int of(@Nullable Object attribute, int containerStatus) {
		return (attribute instanceof Integer status) ? status : containerStatus;
	}

}
