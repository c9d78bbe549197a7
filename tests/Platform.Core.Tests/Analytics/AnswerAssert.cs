using System.Text.Json;
using Platform.Core.Analytics;

namespace Platform.Core.Tests.Analytics;

/// <summary>An answer from the service against the engine's result over the same events, member by member.</summary>
internal static class AnswerAssert
{
    public static void Equal(AnalyticsResult expected, UserAnalytics answer)
    {
        Assert.Equal(expected.Events, answer.EventsAnalyzed);
        Assert.Equal(Json(expected.EventTypeDistribution), Json(answer.EventTypeDistribution));
        Assert.Equal(expected.ErrorRate, answer.ErrorRate);
        Assert.Equal(Json(expected.Hotspots), Json(answer.Hotspots));
        Assert.Equal(Json(expected.ComponentUsage), Json(answer.ComponentUsage));
        Assert.Equal(Json(expected.PainPoints), Json(answer.PainPoints));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
