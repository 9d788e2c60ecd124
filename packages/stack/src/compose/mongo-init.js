// mongosh script run by the mongo:7 image from /docker-entrypoint-initdb.d/ when its data directory is first
// initialised (as the image's `mongodb` user, against the temporary server it starts without authentication).
// It gives each Seatwise service a user of its own with readWrite on its own database only, so one service's
// credentials open no other's data. Users and passwords come from the secrets volume (written by
// packages/stack/src/compose/write-secrets.ts); none is in this file. Safe to run again: an existing user gets
// its password and role set anew.
const fs = require('fs');

const users = JSON.parse(fs.readFileSync('/secrets/mongo/users.json', 'utf8'));
for (const { user, db: name, password } of users) {
  const target = db.getSiblingDB(name);
  const roles = [{ role: 'readWrite', db: name }];
  if (target.getUser(user) === null) {
    target.createUser({ user, pwd: password, roles });
    print(`created MongoDB user ${user} (readWrite on ${name})`);
  } else {
    target.updateUser(user, { pwd: password, roles });
    print(`updated MongoDB user ${user} (readWrite on ${name})`);
  }
}
