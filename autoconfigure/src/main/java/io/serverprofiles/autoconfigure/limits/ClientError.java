package io.serverprofiles.autoconfigure.limits;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.eclipse.jetty.http.HttpException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Input that fails only once the application reads it: a body too large or too slow, a
 * multipart body without a boundary, more form parameters than the container accepts. The
 * client's fault, so a 4xx instead of a 500 with a stack trace.
 *
 * @param status the HTTP status code
 * @param reason what was wrong, for the refusal log
 */
record ClientError(int status, String reason) {

	private static final ClassLoader classLoader = ClientError.class.getClassLoader();

	private static final boolean tomcatPresent = ClassUtils
		.isPresent("org.apache.tomcat.util.http.InvalidParameterException", classLoader);

	private static final boolean jettyPresent = ClassUtils.isPresent("org.eclipse.jetty.http.HttpException",
			classLoader);

	/**
	 * The client error an exception, or one of its causes, stands for.
	 * @param ex what the application or the container threw
	 * @return the client error, or {@code null} when the exception is not one
	 */
	static @Nullable ClientError in(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = cause(candidate)) {
			ClientError error = of(candidate);
			if (error != null) {
				return error;
			}
		}
		return null;
	}

	/**
	 * Whether the container gives the exception its 4xx when it is thrown: Jetty does for
	 * its own exceptions, also as the cause of Spring's; Tomcat answers any exception
	 * with 500.
	 * @param ex what the application or the container threw
	 * @return whether the container answers it with its 4xx
	 */
	static boolean answeredByContainer(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = cause(candidate)) {
			if (jettyPresent && Jetty.isClientError(candidate)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable cause(Throwable ex) {
		return (ex.getCause() != ex) ? ex.getCause() : null;
	}

	private static @Nullable ClientError of(Throwable ex) {
		if (ex instanceof RefusedBodyException refused) {
			return new ClientError(refused.getStatus(), refused.getMessage());
		}
		if (ex instanceof MultipartException && !(ex instanceof MaxUploadSizeExceededException)) {
			return new ClientError(400, "multipart body that cannot be parsed (no boundary, or malformed)");
		}
		if (tomcatPresent && Tomcat.isClientError(ex)) {
			return Tomcat.of(ex);
		}
		if (jettyPresent && Jetty.isClientError(ex)) {
			return Jetty.of(ex);
		}
		return null;
	}

	/**
	 * Tomcat's exceptions, loaded only where Tomcat is.
	 */
	private static final class Tomcat {

		static boolean isClientError(Throwable ex) {
			return ex instanceof InvalidParameterException invalid && isFourHundred(invalid.getErrorCode());
		}

		static ClientError of(Throwable ex) {
			return new ClientError(((InvalidParameterException) ex).getErrorCode(),
					"request parameters more than server.tomcat.max-parameter-count, or malformed");
		}

	}

	/**
	 * Jetty's exceptions, loaded only where Jetty is.
	 */
	private static final class Jetty {

		static boolean isClientError(Throwable ex) {
			return ex instanceof HttpException http && isFourHundred(http.getCode());
		}

		static ClientError of(Throwable ex) {
			return new ClientError(((HttpException) ex).getCode(),
					"form with more keys than server.jetty.max-form-keys, or malformed");
		}

	}

	private static boolean isFourHundred(int status) {
		return status >= 400 && status < 500;
	}

}
