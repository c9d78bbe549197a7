using Platform.Web.Api;

namespace Platform.Web.Components;

/// <summary>Runs an Api call for a board that shows a refusal beside the rest of the page instead of failing the page.</summary>
internal static class ApiCall
{
    /// <summary>The answer, or the Api's refusal; both null when the call was cancelled (the user left mid-call).</summary>
    public static async Task<(T? Answer, PlatformApiException? Error)> TryAsync<T>(Task<T> call) where T : class
    {
        try
        {
            return (await call, null);
        }
        catch (PlatformApiException ex)
        {
            return (null, ex);
        }
        catch (OperationCanceledException)
        {
            return (null, null);
        }
    }
}
