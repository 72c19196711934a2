package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A reader that decodes strictly: the first byte sequence that is not valid in the charset ends the
 * read with an {@link InvalidInputException} naming the file, the line and the byte offset
 * ("data.csv: not UTF-8 at line 3, byte offset 57 (byte 0xE9)"), instead of a replacement
 * character or a {@code MalformedInputException}. Not thread-safe.
 */
final class StrictReader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String name;
  private final String option;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  /** Bytes consumed by the decoder before {@code bytes}' current content. */
  private long consumed;
  /** Line breaks decoded so far (the line of the next decoded character is this plus one). */
  private long lineBreaks;
  private boolean eof;
  private boolean flushed;

  StrictReader(InputStream in, Charset charset, String name, String option) {
    this.in = in;
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.name = name;
    this.option = option;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    return n;
  }

  private void fill() throws IOException {
    chars.clear();
    if (!eof) {
      bytes.compact();
      int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (r < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + r);
      }
      bytes.flip();
    }
    int startPosition = bytes.position();
    CoderResult result = decoder.decode(bytes, chars, eof);
    countLineBreaks();
    if (result.isError()) {
      long offset = consumed + (bytes.position() - startPosition);
      throw notDecodable(offset, bytes.get(bytes.position()));
    }
    consumed += bytes.position() - startPosition;
    if (eof && !bytes.hasRemaining()) {
      CoderResult last = decoder.flush(chars);
      if (last.isError()) {
        throw notDecodable(consumed, (byte) 0);
      }
      countLineBreaks();
      flushed = true;
    }
    chars.flip();
  }

  private void countLineBreaks() {
    // the characters decoded since clear() are at [0, position)
    for (int i = 0; i < chars.position(); i++) {
      if (chars.get(i) == '\n') {
        lineBreaks++;
      }
    }
  }

  private InvalidInputException notDecodable(long offset, byte b) {
    String charset = decoder.charset().name();
    String hint = decoder.charset().equals(StandardCharsets.UTF_8)
        ? "; save it as UTF-8" + (option.isEmpty() ? "" : " or name its encoding, e.g. --encoding windows-1252")
        : "";
    if (offset == 0 && (b == (byte) 0xFF || b == (byte) 0xFE)) {
      hint = "; it looks like UTF-16 (\"Unicode text\")"
          + (option.isEmpty() ? ", save it as UTF-8" : ", save it as UTF-8 or pass --encoding UTF-16");
    }
    return new InvalidInputException(List.of(name + ": not " + charset + " at line "
        + (lineBreaks + 1) + ", byte offset " + offset
        + String.format(Locale.ROOT, " (byte 0x%02X)", b & 0xFF) + hint));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
