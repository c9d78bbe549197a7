using System.Text;
using Platform.Api.Infrastructure;
using Platform.Core.Contracts;
using Platform.Core.Gateway;

namespace Platform.Api.Contracts;

internal static class ContractValidation
{
    private const int MaxVersionLength = 100;

    /// <summary>The request's fields; the model is checked against the gateway's routes (an unknown one is a 400 naming model).</summary>
    public static Validation Validate(GenerateContractRequest request, LlmGateway gateway)
    {
        var validation = new Validation()
            .Text(request.UserId, "userId", ContractLimits.MaxUserIdLength)
            .Require(request.Version is null || request.Version.Length <= MaxVersionLength, "version", $"is longer than {MaxVersionLength} characters.")
            .Text(request.Model, "model", ContractLimits.MaxModelLength, required: false);
        if (request.BaseContract is { } contract)
        {
            var size = Encoding.UTF8.GetByteCount(contract.ToJsonString());
            validation.Require(size <= ContractLimits.MaxContractBytes, "baseContract",
                $"is {size} bytes; the limit is {ContractLimits.MaxContractBytes} bytes.");
            if (validation.IsValid && ContractSchema.Validate(contract) is { Count: > 0 } errors)
            {
                validation.Require(false, "baseContract", "does not match the contract schema (GET /api/contracts/schema): " + string.Join("; ", errors.Take(5)));
            }
        }
        if (validation.IsValid && request.Model is { } model)
        {
            try
            {
                gateway.Router.Route(model, null);
            }
            catch (GatewayException e)
            {
                validation.Require(false, "model", e.Message);
            }
        }
        return validation;
    }
}
