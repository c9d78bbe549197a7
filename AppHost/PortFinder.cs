using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost;

/// <summary>
/// Turns requested ports (0 = any) into concrete free ones. All listeners are held until every port
/// is chosen, so the kernel cannot hand out the same port twice.
/// </summary>
internal static class PortFinder
{
    public static Dictionary<string, int> Reserve(IReadOnlyDictionary<string, int> requested)
    {
        var listeners = new List<TcpListener>();
        try
        {
            var ports = new Dictionary<string, int>();
            foreach (var (name, port) in requested)
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                }
                catch (SocketException)
                {
                    throw new LauncherException($"port {port} for {name} is in use: pass --{name}-port <port>, or 0 to pick a free one.");
                }

                listeners.Add(listener);
                ports[name] = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            return ports;
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
