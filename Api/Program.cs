using Platform.Api;
using Platform.Api.Apis;
using Platform.Api.Demo;
using Platform.Api.Infrastructure;
using Platform.Api.Tracker;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UsePlatformMiddleware();
app.MapDefaultEndpoints();
app.MapPlatformDocs();
app.MapMeApi();
app.MapStatusApi();
app.MapUsersApi();
app.MapKeysApi();
app.MapLimitsApi();
app.MapLlmApi();
app.MapOpenAICompatApi();
app.MapJobsApi();
app.MapOutputsApi();
app.MapInteractionsApi();
app.MapAlertsApi();
app.MapInteractionQueriesApi();
app.MapTracker();
app.MapDemo();
app.MapAnalyticsApi();
app.MapEventsApi();
app.MapCompatApi();
app.MapContractsApi();

app.Run();

public partial class Program;
