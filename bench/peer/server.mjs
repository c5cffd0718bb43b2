// The benchmark's peer: the same questions answered by @neo4j/graphql on the same Neo4j.
// Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT. Serves POST /graphql on 127.0.0.1:PORT
// and prints "ready" once listening.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

process.env.NODE_ENV ??= "production"; // Apollo: no stack traces, no landing page

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

// bench/run.py fills the findings' Cypher into the schema (PEER_TYPEDEFS) from our own.
const typeDefs = readFileSync(env("PEER_TYPEDEFS"), "utf8");
const driver = neo4j.driver(
  env("NEO4J_URI"),
  neo4j.auth.basic(env("NEO4J_USER"), env("NEO4J_PASSWORD")),
);

// Every caller is anonymous: the @authorization filters hide restricted records. A key no
// one holds makes that explicit (and tells the library authorization is configured).
const library = new Neo4jGraphQL({
  typeDefs,
  driver,
  features: { authorization: { key: randomBytes(32).toString("hex") } },
});
// Only builds the schema: no assertIndexesAndConstraints, nothing written at startup.
const schema = await library.getSchema();

const server = new ApolloServer({ schema, introspection: true });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(env("PORT")) },
  // The library reads the request (for a JWT, of which there is none) from the context.
  context: async ({ req }) => ({ token: req.headers.authorization }),
});

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

console.error(`peer: ${url}graphql`);
console.log("ready");
