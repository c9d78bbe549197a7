using System.Globalization;

namespace Platform.AppHost;

internal sealed record StatusRow(ChildProcess Child, string Url, string Status);

/// <summary>The table printed once everything is up: service, URL, pid, status.</summary>
internal static class StatusTable
{
    public static void Print(IEnumerable<StatusRow> rows)
    {
        List<string[]> lines = [["SERVICE", "URL", "PID", "STATUS"]];
        lines.AddRange(rows.Select(row => new[]
        {
            row.Child.Name, row.Url, row.Child.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-", row.Child.Pid is null ? "exited" : row.Status,
        }));
        var widths = Enumerable.Range(0, 4).Select(column => lines.Max(line => line[column].Length)).ToArray();
        foreach (var line in lines)
        {
            ConsoleLog.Info(string.Join("  ", line.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
