package io.serverprofiles.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /upload}: a multipart file upload, answered with its name, size and
 * SHA-256.
 */
@RestController
class UploadController {

	@PostMapping("/upload")
	Uploaded upload(@RequestParam("file") MultipartFile file) throws IOException, NoSuchAlgorithmException {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(file.getInputStream(), sha256)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return new Uploaded(file.getOriginalFilename(), file.getSize(), HexFormat.of().formatHex(sha256.digest()));
	}

	record Uploaded(String name, long size, String sha256) {
	}

}
