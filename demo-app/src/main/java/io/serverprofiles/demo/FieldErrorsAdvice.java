package io.serverprofiles.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers invalid input with its field errors in both modes: they describe the client's
 * own request, unlike the server details that prod hides.
 */
@RestControllerAdvice
class FieldErrorsAdvice {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	Map<String, Object> invalid(MethodArgumentNotValidException ex, HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", 400);
		body.put("error", "Bad Request");
		body.put("path", request.getRequestURI());
		body.put("fieldErrors", fields);
		return body;
	}

}
