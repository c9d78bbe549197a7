using Platform.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]
