using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// Just enough of Redis's wire protocol (RESP2) to probe a server and inspect keys from tests,
/// independent of the Redis client library under test.
/// </summary>
internal static class Resp
{
    /// <summary>Sends one command; arrays come back as their elements joined by newlines.</summary>
    public static string? Execute(int port, IReadOnlyList<string> command, TimeSpan timeout)
    {
        using var client = new TcpClient { ReceiveTimeout = (int)timeout.TotalMilliseconds, SendTimeout = (int)timeout.TotalMilliseconds };
        client.Connect(IPAddress.Loopback, port);
        using var stream = new BufferedStream(client.GetStream());
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{command.Count}\r\n");
        foreach (var part in command)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }

        stream.Write(Encoding.UTF8.GetBytes(request.ToString()));
        stream.Flush();
        return ReadReply(stream);
    }

    private static string? ReadReply(Stream stream)
    {
        var line = ReadLine(stream);
        var body = line[1..];
        switch (line[0])
        {
            case '+' or ':':
                return body;
            case '-':
                throw new InvalidOperationException($"Redis replied with an error: {body}");
            case '$':
                var length = int.Parse(body, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                var bytes = new byte[length + 2];
                stream.ReadExactly(bytes);
                return Encoding.UTF8.GetString(bytes, 0, length);
            case '*':
                var count = int.Parse(body, CultureInfo.InvariantCulture);
                return count < 0 ? null : string.Join('\n', Enumerable.Range(0, count).Select(_ => ReadReply(stream)));
            default:
                throw new InvalidDataException($"Unexpected Redis reply: {line}");
        }
    }

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        for (var b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
        {
            if (b < 0)
            {
                throw new EndOfStreamException("Redis closed the connection mid-reply");
            }

            bytes.Add((byte)b);
        }

        return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
    }
}
