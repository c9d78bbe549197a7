using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Platform.Api.Infrastructure;

internal static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/docs";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "LLM Platform API",
                Version = "v1",
                Description = "Send your API key as `Authorization: Bearer <key>` or `X-Api-Key: <key>`.",
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

    /// <summary>The OpenAPI document and its interactive reference (Scalar) at /docs, both readable without a key.</summary>
    public static WebApplication MapPlatformDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.MapScalarApiReference(DocsPath, options => options
                .WithTitle("LLM Platform API")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddPreferredSecuritySchemes("ApiKey"))
            .AllowAnonymous();
        return app;
    }
}
