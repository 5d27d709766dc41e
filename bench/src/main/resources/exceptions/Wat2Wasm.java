import java.nio.file.*;
/** Text to binary with dev.gatun.Wat (used by build.sh). */
public class Wat2Wasm { public static void main(String[] a) throws Exception {
  byte[] b = dev.gatun.Wat.parse(Path.of(a[0]));
  Files.write(Path.of(a[1]), b);
}}
