// Runs once, when the mongo container initialises an empty data volume (docker-entrypoint-initdb.d): the services'
// own user, with read and write on their five databases and the key vault only (not the root user that .env also
// holds).
const services = ['outage-timeline', 'vital-status', 'noodsteunpunt', 'burgerhulp', 'situatiebeeld'];
db.getSiblingDB('admin').createUser({
  user: 'weerbaar',
  pwd: process.env.MONGO_APP_PASSWORD,
  // plus the key vault of the exercises' personal data, which every service reads and a purge deletes from
  roles: services.concat(['vault']).map((name) => ({ role: 'readWrite', db: 'weerbaar-' + name })),
});
