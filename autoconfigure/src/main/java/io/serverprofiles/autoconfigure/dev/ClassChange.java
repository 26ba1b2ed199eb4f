package io.serverprofiles.autoconfigure.dev;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

/**
 * What changed between the loaded and the rebuilt version of a class. A change can be
 * swapped into the running app when the class keeps its shape (fields, methods,
 * signatures, annotations) and only request handlers' bodies changed, lambdas in them
 * included: those run anew for every request, so the new code applies to the next one
 * exactly as after a restart. Any other body (a constructor, a {@code @Bean} method, a
 * method that startup code may call) could have run already, and only a restart runs it
 * again.
 */
final class ClassChange {

	private static final Set<String> HANDLER_ANNOTATIONS = Stream
		.of("RequestMapping", "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping",
				"ExceptionHandler")
		.map((name) -> "Lorg/springframework/web/bind/annotation/" + name + ";")
		.collect(Collectors.toUnmodifiableSet());

	private final boolean shapeChanged;

	private final List<Method> changedMethods;

	private final Set<String> handlers;

	private ClassChange(boolean shapeChanged, List<Method> changedMethods, Set<String> handlers) {
		this.shapeChanged = shapeChanged;
		this.changedMethods = changedMethods;
		this.handlers = handlers;
	}

	/**
	 * Whether a class the running app has not loaded yet can simply be loaded from its
	 * new file when first used: it carries no class annotation, so nothing Spring scans
	 * for at startup (a component, a configuration, a mapping) is in it.
	 * @param rebuilt the class file's new bytes
	 * @return whether loading it later gives what a restart would
	 */
	static boolean canLoadLater(byte[] rebuilt) {
		boolean[] annotated = { false };
		new ClassReader(rebuilt).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
			@Override
			public @Nullable AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
				annotated[0] |= visible;
				return null;
			}
		}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return !annotated[0];
	}

	static ClassChange between(byte[] loaded, byte[] rebuilt) {
		if (!shape(loaded).equals(shape(rebuilt))) {
			return new ClassChange(true, List.of(), Set.of());
		}
		Map<String, Method> before = methods(loaded);
		Map<String, Method> after = methods(rebuilt);
		List<Method> changed = after.values()
			.stream()
			.filter((method) -> changed(method, before.get(method.key())))
			.toList();
		Set<String> handlers = after.values()
			.stream()
			.filter(Method::handler)
			.map(Method::name)
			.collect(Collectors.toUnmodifiableSet());
		return new ClassChange(false, changed, handlers);
	}

	private static boolean changed(Method method, @Nullable Method before) {
		return before == null || !method.bytes.equals(before.bytes);
	}

	boolean canSwap() {
		return !this.shapeChanged && this.changedMethods.stream().allMatch(this::runsPerRequest);
	}

	/**
	 * A request handler, or the body of a lambda written in one: javac names it
	 * {@code lambda$handler$0}.
	 */
	private boolean runsPerRequest(Method method) {
		if (method.handler) {
			return true;
		}
		String[] lambda = method.name.split("\\$");
		return (method.access & Opcodes.ACC_SYNTHETIC) != 0 && lambda.length == 3 && lambda[0].equals("lambda")
				&& this.handlers.contains(lambda[1]);
	}

	/**
	 * Why the change needs a restart, or which handlers it changes.
	 */
	String describe() {
		if (this.shapeChanged) {
			return "its fields, methods, signatures or annotations changed";
		}
		if (this.changedMethods.isEmpty()) {
			return "only line numbers or other debug information changed";
		}
		List<String> others = this.changedMethods.stream()
			.filter((method) -> !runsPerRequest(method))
			.map(Method::toString)
			.toList();
		List<String> names = others.isEmpty() ? this.changedMethods.stream().map(Method::toString).toList() : others;
		return (others.isEmpty() ? "request handlers changed: " : "not only request handlers changed: ")
				+ String.join(", ", names);
	}

	/**
	 * The class without code or debug information: its header and each member, each
	 * written afresh into a class of its own, so that equal shapes compare equal whatever
	 * the order of the members and the layout of the constant pool. (The JVM, asked for a
	 * loaded class's bytes, gives them in its own order.)
	 */
	private static Map<String, ByteBuffer> shape(byte[] bytes) {
		Map<String, ByteBuffer> shape = new HashMap<>();
		ClassWriter header = new ClassWriter(0);
		new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION, header) {

			@Override
			public FieldVisitor visitField(int access, String name, String descriptor, @Nullable String signature,
					@Nullable Object value) {
				ClassWriter alone = classOfItsOwn();
				// The JVM ignores (and drops) an instance field's constant; constructors
				// assign it.
				Object constant = ((access & Opcodes.ACC_STATIC) != 0) ? value : null;
				return new FieldVisitor(SpringAsmInfo.ASM_VERSION,
						alone.visitField(access, name, descriptor, signature, constant)) {

					@Override
					public void visitEnd() {
						super.visitEnd();
						shape.put("field " + name + " " + descriptor, ByteBuffer.wrap(alone.toByteArray()));
					}

				};
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
					String @Nullable [] exceptions) {
				return methodAlone(access, name, descriptor, signature, exceptions,
						(method) -> shape.put("method " + method.key(), method.bytes()));
			}

		}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
		shape.put("class", ByteBuffer.wrap(header.toByteArray()));
		return shape;
	}

	/**
	 * Each method's code alone, without line numbers, so that a body moved down by an
	 * edit above it is not a change.
	 */
	private static Map<String, Method> methods(byte[] bytes) {
		Map<String, Method> methods = new HashMap<>();
		new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
					String @Nullable [] exceptions) {
				return methodAlone(access, name, descriptor, signature, exceptions,
						(method) -> methods.put(method.key(), method));
			}

		}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return methods;
	}

	/**
	 * A visitor that writes one method into a class of its own and hands it over, with
	 * whether it handles requests, once visited.
	 */
	private static MethodVisitor methodAlone(int access, String name, String descriptor, @Nullable String signature,
			String @Nullable [] exceptions, Consumer<Method> visited) {
		ClassWriter alone = classOfItsOwn();
		return new MethodVisitor(SpringAsmInfo.ASM_VERSION,
				alone.visitMethod(access, name, descriptor, signature, exceptions)) {

			private boolean handler;

			@Override
			public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
				this.handler |= HANDLER_ANNOTATIONS.contains(annotation);
				return super.visitAnnotation(annotation, visible);
			}

			@Override
			public void visitEnd() {
				super.visitEnd();
				visited
					.accept(new Method(name, descriptor, access, this.handler, ByteBuffer.wrap(alone.toByteArray())));
			}

		};
	}

	private static ClassWriter classOfItsOwn() {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Member", null, "java/lang/Object", null);
		return writer;
	}

	private record Method(String name, String descriptor, int access, boolean handler, ByteBuffer bytes) {

		String key() {
			return this.name + this.descriptor;
		}

		@Override
		public String toString() {
			String[] lambda = this.name.split("\\$");
			if (lambda.length == 3 && lambda[0].equals("lambda")) {
				return "a lambda in " + lambda[1] + "()";
			}
			return this.name.equals("<init>") ? "a constructor"
					: this.name.equals("<clinit>") ? "the static initializer" : this.name + "()";
		}

	}

}
