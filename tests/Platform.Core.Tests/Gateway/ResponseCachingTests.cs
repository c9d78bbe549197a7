using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Platform.Core.Gateway;
using Platform.Core.Gateway.Pipeline;

namespace Platform.Core.Tests.Gateway;

/// <summary>The gateway's rules over Microsoft.Extensions.AI's distributed cache, on the in-memory IDistributedCache.</summary>
public sealed class ResponseCachingTests
{
    private readonly EntryOptionsSeen _store = new(new MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new MemoryDistributedCacheOptions())));
    private readonly Provider _provider = new();
    private readonly CacheStats _stats = new();
    private readonly ResponseCache _cache;
    private readonly IChatClient _client;

    public ResponseCachingTests()
    {
        _cache = new ResponseCache(_store, Microsoft.Extensions.Options.Options.Create(new LlmOptions { Cache = { TtlSeconds = 42 } }), TimeProvider.System);
        _client = _provider.AsBuilder().UseResponseCache(_cache, _stats).Build();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeat_from_another_caller_is_a_hit_that_names_the_provider_that_answered()
    {
        var first = new GatewayContext { OwnerUserId = Guid.NewGuid(), EndUserId = "ann" };
        await _client.GetResponseAsync(Ask("hello"), Options(first), Ct);
        var second = new GatewayContext { OwnerUserId = Guid.NewGuid(), EndUserId = "bob", SessionId = "s" };
        var answer = await _client.GetResponseAsync(Ask("hello"), Options(second), Ct);

        Assert.Equal((false, true), (first.Cached, second.Cached));
        Assert.Equal("fake", second.Provider);
        Assert.Equal("echo: hello", answer.Text);
        Assert.Equal(1, _provider.Calls);
        Assert.Equal((1L, 1L), (_stats.Hits, _stats.Misses));
        Assert.Equal(TimeSpan.FromSeconds(42), _store.LastEntry?.AbsoluteExpirationRelativeToNow);
    }

    [Fact]
    public async Task Another_provider_hint_another_model_or_a_cleared_cache_is_a_miss()
    {
        await _client.GetResponseAsync(Ask("hello"), Options(new GatewayContext()), Ct);
        await _client.GetResponseAsync(Ask("hello"), Options(new GatewayContext { ProviderHint = "other" }), Ct);
        await _client.GetResponseAsync(Ask("hello"), Options(new GatewayContext(), model: "m2"), Ct);
        await _cache.ClearAsync(Ct);
        var afterClear = new GatewayContext();
        await _client.GetResponseAsync(Ask("hello"), Options(afterClear), Ct);

        Assert.False(afterClear.Cached);
        Assert.Equal(4, _provider.Calls);
    }

    [Fact]
    public async Task A_request_that_opts_out_neither_reads_nor_writes()
    {
        await _client.GetResponseAsync(Ask("hello"), Options(new GatewayContext { UseCache = false }), Ct);
        var next = new GatewayContext();
        await _client.GetResponseAsync(Ask("hello"), Options(next), Ct);

        Assert.False(next.Cached);
        Assert.Equal(2, _provider.Calls);
        Assert.Equal((0L, 1L), (_stats.Hits, _stats.Misses));
    }

    [Fact]
    public async Task A_finished_stream_is_replayed_to_sync_and_streaming_calls_and_an_unfinished_one_is_not_stored()
    {
        _provider.FinishStreams = false;
        await DrainAsync(_client.GetStreamingResponseAsync(Ask("stream"), Options(new GatewayContext()), Ct));
        _provider.FinishStreams = true;
        await DrainAsync(_client.GetStreamingResponseAsync(Ask("stream"), Options(new GatewayContext()), Ct));
        var sync = new GatewayContext();
        var answer = await _client.GetResponseAsync(Ask("stream"), Options(sync), Ct);
        var streamed = new GatewayContext();
        var replay = await DrainAsync(_client.GetStreamingResponseAsync(Ask("stream"), Options(streamed), Ct));

        Assert.Equal(2, _provider.Calls);
        Assert.True(sync.Cached && streamed.Cached);
        Assert.Equal("echo: stream", answer.Text);
        Assert.Equal("echo: stream", replay.Text);
    }

    [Fact]
    public async Task An_entry_that_no_longer_reads_is_a_miss()
    {
        await _client.GetResponseAsync(Ask("hello"), Options(new GatewayContext()), Ct);
        _store.CorruptAll();
        var next = new GatewayContext();
        await _client.GetResponseAsync(Ask("hello"), Options(next), Ct);

        Assert.False(next.Cached);
        Assert.Equal(2, _provider.Calls);
    }

    private static ChatMessage[] Ask(string text) => [new(ChatRole.User, text)];

    private static ChatOptions Options(GatewayContext context, string model = "m1") => context.AttachTo(new ChatOptions { ModelId = model });

    private static async Task<ChatResponse> DrainAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }
        return list.ToChatResponse();
    }

    /// <summary>A provider that echoes the last message; the router's part (naming the provider) is done here too.</summary>
    private sealed class Provider : IChatClient
    {
        public int Calls { get; private set; }
        public bool FinishStreams { get; set; } = true;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Answering(options);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo: " + messages.Last().Text)) { FinishReason = ChatFinishReason.Stop });
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Answering(options);
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, "echo: ");
            yield return new ChatResponseUpdate(ChatRole.Assistant, messages.Last().Text) { FinishReason = FinishStreams ? ChatFinishReason.Stop : null };
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        private void Answering(ChatOptions? options)
        {
            Calls++;
            GatewayContext.Of(options).Provider = "fake";
        }
    }

    /// <summary>The real in-memory cache, remembering the entry options of the last write and able to spoil every entry.</summary>
    private sealed class EntryOptionsSeen(IDistributedCache inner) : IDistributedCache
    {
        private readonly List<string> _keys = [];

        public DistributedCacheEntryOptions? LastEntry { get; private set; }

        public void CorruptAll()
        {
            foreach (var key in _keys.Where(k => !k.EndsWith("generation", StringComparison.Ordinal)))
            {
                inner.Set(key, "not json"u8.ToArray(), LastEntry!);
            }
        }

        public byte[]? Get(string key) => inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            LastEntry = options;
            _keys.Add(key);
            return inner.SetAsync(key, value, options, token);
        }

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);
    }
}
