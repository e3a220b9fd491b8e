"""The DurableAgent. Dapr Agents runs it as a workflow: each turn is an LLM activity and then the tool
activities, checkpointed in the workflow store, so a killed worker resumes the run by replay. Memory and
agent state live in memory-store; turns are bounded by max_iterations."""

from dapr_agents import DurableAgent
from dapr_agents.agents.configs import AgentExecutionConfig, AgentMemoryConfig, AgentStateConfig
from dapr_agents.llm import DaprChatClient
from dapr_agents.memory import ConversationDaprStateMemory
from dapr_agents.storage.daprstores import StateStoreService

from .config import SETTINGS
from .tools import TOOLS

MAX_ITERATIONS = {{max_iterations}}


def build_agent() -> DurableAgent:
    return DurableAgent(
        name="{{project_name}}",
        role="Assistant",
        instructions=[
            "Use the tools to answer. Never call a tool more often than needed.",
            "Sensitive tools need human approval; wait for it.",
        ],
        llm=DaprChatClient(component_name="llm-provider"),
        tools=TOOLS,
        memory=AgentMemoryConfig(
            store=ConversationDaprStateMemory(store_name=SETTINGS.state_store, session_id="{{project_name}}")),
        state=AgentStateConfig(store=StateStoreService(store_name=SETTINGS.state_store)),
        execution=AgentExecutionConfig(max_iterations=MAX_ITERATIONS),
    )
