using Microsoft.OpenApi;

namespace Platform.Api.Infrastructure;

internal static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "LLM Platform API",
                Version = "v1",
                Description = "Send your API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A platform API key.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
            return Task.CompletedTask;
        }));

    /// <summary>The OpenAPI document, readable without a key.</summary>
    public static WebApplication MapPlatformDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        return app;
    }

    /// <summary>The interactive UI at /docs: static files served before authentication, so it needs no key to load.</summary>
    public static WebApplication UseDocsUi(this WebApplication app)
    {
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint(DocumentPath, "LLM Platform API v1");
            options.DocumentTitle = "LLM Platform API";
        });
        return app;
    }
}
