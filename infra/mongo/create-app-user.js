// Runs once, when the mongo container initialises an empty data volume (docker-entrypoint-initdb.d): the services'
// own user, with read and write on their five databases only (not the root user that .env also holds).
const services = ['outage-timeline', 'vital-status', 'noodsteunpunt', 'burgerhulp', 'situatiebeeld'];
db.getSiblingDB('admin').createUser({
  user: 'weerbaar',
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: services.map((service) => ({ role: 'readWrite', db: 'weerbaar-' + service })),
});
