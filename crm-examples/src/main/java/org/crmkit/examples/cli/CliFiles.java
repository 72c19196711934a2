package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command line's one input/output layer. Inputs are decoded strictly (a byte sequence that is
 * not valid in the file's encoding is reported with the file, the line and the byte offset); path
 * problems (a missing file, a directory, no permission) become {@link InvalidInputException}s in
 * plain words ("cannot read --input tx.csv: no such file"). Outputs are collected in an {@link
 * Outputs} set: each is checked when it is declared (so a long run does not end on a missing
 * directory), written to a hidden temporary file beside its target, and all are moved into place
 * together only when every one was written; on any failure no temporary file is left behind and
 * existing files are untouched.
 */
final class CliFiles {
  private CliFiles() {}

  /** The charset named by an {@code --encoding} option; UTF-8 when {@code name} is null. */
  static Charset charset(@Nullable String name) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidInputException(List.of("--encoding: '" + name + "' is not a character "
          + "encoding this Java knows; e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16"));
    }
  }

  /** Opens {@code file} for reading as text, decoded strictly in {@code charset}. */
  static BufferedReader open(Path file, String option, Charset charset) {
    InputStream in = openStream(file, option);
    return new BufferedReader(new StrictReader(in, charset, file.toString(), option), 1 << 16);
  }

  /** Reads the whole of {@code file} as UTF-8 (JSON documents), decoded strictly. */
  static String readText(Path file, String option) {
    return readText(file, option, StandardCharsets.UTF_8);
  }

  /** Reads the whole of {@code file} in {@code charset}, decoded strictly. */
  static String readText(Path file, String option, Charset charset) {
    try (Reader r = new StrictReader(openStream(file, option), charset, file.toString(), "")) {
      StringWriter text = new StringWriter();
      r.transferTo(text);
      return text.toString();
    } catch (IOException e) {
      throw cannot("read", option, file, e);
    }
  }

  private static InputStream openStream(Path file, String option) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(List.of("cannot read " + label(option, file)
          + ": it is a directory, not a file"));
    }
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw cannot("read", option, file, e);
    }
  }

  /**
   * The same problems, each naming the input ({@code "--deals deals.csv: line 3: ..."}) unless it
   * already does (the strict decoder's "deals.csv: not UTF-8 at ..."): for commands that read more
   * than one CSV file, whose "line 3" alone would not say which.
   */
  static InvalidInputException inFile(String option, Path file, InvalidInputException e) {
    String name = file.toString();
    List<String> named = new ArrayList<>(e.problems().size());
    for (String p : e.problems()) {
      named.add(p.startsWith(name) || p.startsWith("cannot ") ? p : label(option, file) + ": " + p);
    }
    return new InvalidInputException(named);
  }

  /** An I/O failure in plain words: what could not be done to which file, and why. */
  static InvalidInputException cannot(String verb, String option, Path file, IOException e) {
    return new InvalidInputException(List.of("cannot " + verb + " " + label(option, file) + ": "
        + reason(e)));
  }

  private static String label(String option, Path file) {
    return option.isEmpty() ? String.valueOf(file) : option + " " + file;
  }

  /** Why an I/O operation failed, without Java class names. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }

  /** Something that writes a file's content. */
  interface Content {
    /** Writes the whole content; the caller closes {@code out}. */
    void writeTo(Writer out) throws IOException;
  }

  /**
   * The outputs of one command run, written all or nothing. Declare each with {@link #add} as
   * soon as its path is known; call {@link #commit} once, after all computation.
   */
  static final class Outputs {
    private record Output(Path target, String option, Content content) {}

    private final List<Output> outputs = new ArrayList<>();

    /**
     * Declares an output, checking now that it can be written: its directory exists and is
     * writable, and the target is not a directory.
     *
     * @throws InvalidInputException naming the option, the path and the reason
     */
    Outputs add(Path target, String option, Content content) {
      check(target, option);
      outputs.add(new Output(target, option, content));
      return this;
    }

    /** Checks that {@code target} could be written, without writing anything. */
    static void check(Path target, String option) {
      Path absolute = target.toAbsolutePath();
      Path dir = absolute.getParent();
      String what = "cannot write " + label(option, target) + ": ";
      if (Files.isDirectory(absolute)) {
        throw new InvalidInputException(List.of(what + "it is a directory, not a file"));
      }
      if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new InvalidInputException(List.of(what + dir + " is a file, not a directory"));
      }
      if (dir == null || !Files.isDirectory(dir)) {
        throw new InvalidInputException(List.of(what + "the directory " + dir
            + " does not exist"));
      }
      if (!Files.isWritable(dir)) {
        throw new InvalidInputException(List.of(what + "the directory " + dir
            + " is not writable (permission denied)"));
      }
      if (Files.exists(absolute) && !Files.isWritable(absolute)) {
        throw new InvalidInputException(List.of(what + "the file is read-only"));
      }
    }

    /**
     * Writes every declared output to a temporary file beside its target and, when all were
     * written, moves them into place. On failure, deletes every temporary file and throws.
     *
     * @throws InvalidInputException naming the output that could not be written and why
     */
    void commit() {
      List<Path> temps = new ArrayList<>();
      try {
        for (Output o : outputs) {
          Path target = o.target().toAbsolutePath();
          Path tmp;
          try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".",
                ".tmp");
          } catch (IOException e) {
            throw cannot("write", o.option(), o.target(), e);
          }
          temps.add(tmp);
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            o.content().writeTo(w);
          } catch (IOException e) {
            throw cannot("write", o.option(), o.target(), e);
          }
        }
        for (int i = 0; i < outputs.size(); i++) {
          Output o = outputs.get(i);
          try {
            move(temps.get(i), o.target().toAbsolutePath());
          } catch (IOException e) {
            throw cannot("write", o.option(), o.target(), e);
          }
        }
        temps.clear();
      } finally {
        for (Path tmp : temps) {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException ignored) {
            // the failure being reported is the one that matters
          }
        }
      }
    }

    private static void move(Path tmp, Path target) throws IOException {
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
