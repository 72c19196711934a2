package org.crmkit.spark.cli;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code Main-Class} of {@code crmkit-spark.jar}: under {@code spark-submit} (Spark on the
 * class path) it runs {@link SparkRunner} directly; under {@code java -jar} it runs it in a class
 * loader over this jar and the Spark jars in the {@code lib} folder beside it (which the build
 * fills), so that the same jar works locally and on a cluster.
 */
public final class Launcher {
  private Launcher() {}

  /** Runs {@link SparkRunner#main} with Spark from the class path or from {@code lib/}. */
  public static void main(String[] args) throws Exception {
    if (hasSpark(Launcher.class.getClassLoader())) {
      SparkRunner.main(args);
      return;
    }
    File jar = new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    File lib = new File(jar.getParentFile(), "lib");
    File[] jars = lib.listFiles((dir, name) -> name.endsWith(".jar"));
    if (jars == null || jars.length == 0) {
      System.err.println("error: Apache Spark is not on the class path and " + lib
          + " holds no jars; run with spark-submit or keep the lib folder beside " + jar.getName());
      System.exit(2);
      return;
    }
    Arrays.sort(jars);
    List<URL> urls = new ArrayList<>();
    urls.add(jar.toURI().toURL());
    for (File f : jars) {
      urls.add(f.toURI().toURL());
    }
    URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Method main = loader.loadClass(SparkRunner.class.getName()).getMethod("main", String[].class);
    main.invoke(null, (Object) args);
  }

  private static boolean hasSpark(ClassLoader loader) {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
