namespace Platform.AppHost;

/// <summary>An executable server (redis-server, postgres) that other resources reference by its connection string.</summary>
internal sealed class LocalServerResource(string name, string command, string workingDirectory, Func<EndpointReference, ReferenceExpression> connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => connectionString(Endpoint);
}
