// ash:codegen wrote the changelog and copied it to target/classes; the check passed; rollback named -Dash.url.
def written = new File(basedir, 'src/main/resources/db/changelog/migrations').listFiles().findAll { it.name.endsWith('_create_products.yaml') }
assert written.size() == 1
def copy = new File(basedir, "target/classes/db/changelog/migrations/${written[0].name}")
assert copy.isFile() : "no copy of ${written[0].name} in target/classes"
assert copy.text == written[0].text
assert new File(basedir, 'target/classes/db/changelog/db.changelog-master.yaml').isFile()
assert copy.text.contains('tableName: products')

def log = new File(basedir, 'build.log').text
assert log.contains('No changes detected')
assert log.contains('ash:rollback needs the database to roll back in: -Dash.url=jdbc:postgresql://')
return true
