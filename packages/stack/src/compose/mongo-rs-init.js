// docker-compose.scale.yml's one-shot `mongo-rs-init` (mongosh, as root): makes mongo, mongo-2 and mongo-3 one
// replica set, rs0, once. `mongo` holds the users (its first start created them, mongo-init.js); the other two
// copy them in their initial sync. Run again on a set already made, it only waits for a primary.
const MEMBERS = ['mongo:27017', 'mongo-2:27017', 'mongo-3:27017'];
const PRIMARY_WAIT_MS = 120000;

function initiated() {
  try {
    rs.status();
    return true;
  } catch (error) {
    // NotYetInitialized (94): this server was never part of a set.
    if (error.code === 94) return false;
    throw error;
  }
}

if (!initiated()) {
  // `mongo` is preferred as primary: it has the data the others sync from.
  rs.initiate({
    _id: 'rs0',
    members: MEMBERS.map((host, index) => ({ _id: index, host, priority: index === 0 ? 2 : 1 })),
  });
  print(`mongo-rs-init: initiated rs0 with ${MEMBERS.join(', ')}`);
}

// The services wait for this one-shot: they start only once the set can take writes.
const deadline = Date.now() + PRIMARY_WAIT_MS;
while (db.hello().primary === undefined) {
  if (Date.now() > deadline) throw new Error(`no primary in rs0 after ${PRIMARY_WAIT_MS / 1000} s`);
  sleep(500);
}
print(`mongo-rs-init: rs0 primary is ${db.hello().primary}`);
